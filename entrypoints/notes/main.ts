import { startNotesManager } from './start';

startNotesManager('page');
