import { startNotesManager } from '../../components/start-notes-manager';

startNotesManager('page');
