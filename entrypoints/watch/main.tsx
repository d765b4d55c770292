import { createRoot } from 'react-dom/client';
import { addKindColours } from '../../components/kind-colours';
import '../../components/extension-page.css';
import '../watchlist/watchlist.css';
import { WatchPage } from './WatchPage';

addKindColours();
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
createRoot(document.getElementById('root')!).render(<WatchPage text={params.get('text') ?? ''} tabId={Number.isInteger(tab) && params.has('tab') ? tab : undefined} />);
