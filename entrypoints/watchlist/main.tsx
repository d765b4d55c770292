import { createRoot } from 'react-dom/client';
import { addKindColours } from '../../components/kind-colours';
import { WatchlistPage } from './WatchlistPage';
import '../../components/extension-page.css';
import './watchlist.css';

addKindColours();
createRoot(document.getElementById('root')!).render(<WatchlistPage />);
