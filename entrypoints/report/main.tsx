import { createRoot } from 'react-dom/client';
import { reportKinds, type ReportKind } from '../../core/watchlist/reports';
import '../../components/extension-page.css';
import '../watchlist/watchlist.css';
import { ReportPage } from './ReportPage';

const params = new URLSearchParams(location.search);
const get = (name: string) => params.get(name) || undefined;
const kind = get('kind');
createRoot(document.getElementById('root')!).render(
  <ReportPage
    kind={(reportKinds as readonly string[]).includes(kind ?? '') ? (kind as ReportKind) : undefined}
    entityId={get('entityId')}
    entityName={get('entityName')}
    text={get('text')}
    page={get('page')}
  />,
);
