import { Notice } from '../ui/notice';

/** A new secret (an API token, a webhook signing secret), shown this once: the portal keeps only a hash or ciphertext. */
export function SecretOnce({ title, secret, children }: { title: string; secret: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6 space-y-3">
      <Notice tone="success" title={title}>
        Copy it now: it is shown only this once. {children}
      </Notice>
      <p className="break-all rounded-md bg-slate-900 px-4 py-3 font-mono text-sm text-emerald-300" data-testid="secret-once">
        {secret}
      </p>
    </div>
  );
}
