import { contextBridge, ipcRenderer } from 'electron';
import { buildHotlineApi } from './hotlineApi';

// The only thing the page gets: named contract methods. No ipcRenderer, no generic invoke/send.
contextBridge.exposeInMainWorld('hotline', buildHotlineApi(ipcRenderer));
