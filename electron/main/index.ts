import { runApp } from './app/lifecycle';

// runApp handles its own failures (dialog, log, exit); nothing is left to await here.
void runApp(import.meta.dirname);
