import { Switch } from './Switch';

/** "Pause on example.com", and what pausing means once it is on. */
export function SiteSwitch({ site, paused, onChange }: { site: string; paused: boolean; onChange: (paused: boolean) => void }) {
  return (
    <div className="site-switch">
      <Switch checked={paused} onChange={onChange}>
        Pause on {site}
      </Switch>
      <p role="status" className={paused ? 'paused-note' : 'visually-hidden'}>
        {paused ? 'Watchwords is paused on this site' : ''}
      </p>
    </div>
  );
}
