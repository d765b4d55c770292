import type { ReactNode } from 'react';
import { openWatchlist } from '../../lib/manager';

/** What a form window says once it has saved: the message, then Close or on to the Watchlist page. */
export function FormDone({ children }: { children: ReactNode }) {
  return (
    <section aria-label="Saved">
      <p role="status">{children}</p>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => window.close()}>
          Close
        </button>
        <button type="button" className="button" onClick={() => void openWatchlist().then(() => window.close())}>
          Open your watchlist
        </button>
      </div>
    </section>
  );
}
