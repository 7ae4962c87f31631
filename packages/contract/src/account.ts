import { z } from 'zod';

/** Changing one's own password: the current one, and the new one typed twice. The policy is checked by the portal. */
export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(200),
    newPassword: z.string().min(1, 'Enter a new password').max(200, 'Use at most 200 characters'),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords do not match' });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
