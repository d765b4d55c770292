/** A failure or refusal in words, announced to assistive technology; nothing when there is none. */
export function ErrorLine({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      {error}
    </p>
  );
}
