import { app } from 'electron';
import { runApp } from './app/lifecycle';

// A service stop or session logout sends SIGTERM: quit through 'will-quit', which waits for the seat
// to stop syncing and close its database, instead of dying mid-write.
process.once('SIGTERM', () => app.quit());

// runApp handles its own failures (dialog, log, exit); nothing is left to await here.
void runApp(import.meta.dirname);
