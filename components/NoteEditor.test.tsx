import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { noteLimits } from '../core/notes/note';
import { NoteEditor, noteProblem } from './NoteEditor';

function render(props: Partial<Parameters<typeof NoteEditor>[0]> = {}) {
  const markup = renderToStaticMarkup(<NoteEditor onSave={() => {}} onCancel={() => {}} {...props} />);
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
}

describe('the note editor', () => {
  test('is no form: nothing to submit anywhere, and its fields turn autofill off', () => {
    const document = render({ quote: 'a quote' });
    expect(document.querySelector('form')).toBeNull();
    const fields = [...document.querySelectorAll('textarea, input')];
    expect(fields).toHaveLength(2);
    for (const field of fields) {
      // (React writes `autoComplete`; HTML attribute names are case-insensitive, linkedom's are not.)
      expect(field.outerHTML).toMatch(/ autocomplete="off"/i);
      expect(field.hasAttribute('name')).toBe(false);
    }
    expect([...document.querySelectorAll('button')].every((button) => button.getAttribute('type') === 'button')).toBe(true);
  });

  test('takes up a draft where the reader left it, and says when it was kept', () => {
    const document = render({ initial: { body: 'Half a thought', tagText: 'ice, ' }, draftStatus: 'Your unsaved note from 14:02' });
    expect(document.querySelector('textarea')!.textContent).toBe('Half a thought');
    expect(document.querySelector('input')!.getAttribute('value')).toBe('ice, ');
    expect(document.querySelector('.note-draft-status')!.textContent).toBe('Your unsaved note from 14:02');
  });

  test('shows the count from 80 % of the limit, and the error over it, before saving is tried', () => {
    const quiet = render({ initial: { body: 'x'.repeat(noteLimits.body * 0.8 - 1), tagText: '' } });
    expect(quiet.querySelector('.note-count')!.textContent).toBe('');
    const near = render({ initial: { body: 'x'.repeat(noteLimits.body * 0.8), tagText: '' } });
    expect(near.querySelector('.note-count')!.textContent).toBe('16,000 of 20,000 characters');
    const over = render({ initial: { body: 'x'.repeat(noteLimits.body + 5), tagText: '' } });
    expect(over.querySelector('.note-error')!.textContent).toBe('The note is 5 characters over its limit of 20,000.');
    expect(over.querySelector('button.primary')!.hasAttribute('disabled')).toBe(true);
    expect(noteProblem('ok', '', 'q'.repeat(noteLimits.quote + 1))).toMatch(/at most 5,000/);
  });
});
