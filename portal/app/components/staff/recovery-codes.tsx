import { Notice } from '../ui/notice';

/** Recovery codes, shown once right after they were made: the portal keeps only their hashes. */
export function RecoveryCodesOnce({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-4">
      <Notice tone="info" title="Save your recovery codes now">
        Each code signs you in once if you lose your authenticator app. They are shown only this once: store them in your password manager or print them.
      </Notice>
      <ol className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-200" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}
