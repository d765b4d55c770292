import { createRoot } from 'react-dom/client';
import { addKindColours } from '../../components/kind-colours';
import { NotesDatabase } from '../../lib/notes-db';
import { askForPersistentStorage } from '../../lib/persistent-storage';
import { PopupPage } from './PopupPage';
import './popup.css';

addKindColours();
void askForPersistentStorage();
createRoot(document.getElementById('root')!).render(<PopupPage db={new NotesDatabase()} />);
