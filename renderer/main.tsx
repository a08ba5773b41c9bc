import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getClient } from './api/client';
import { Root } from './app/Root';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root client={getClient()} />
  </StrictMode>,
);
