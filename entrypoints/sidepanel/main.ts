import { startNotesManager } from '../notes/start';

startNotesManager('panel');
