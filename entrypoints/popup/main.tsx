import { createRoot } from 'react-dom/client';
import { NotesDatabase } from '../../lib/notes-db';
import { PopupPage } from './PopupPage';
import './popup.css';

createRoot(document.getElementById('root')!).render(<PopupPage db={new NotesDatabase()} />);
