import { z } from 'astro/zod';

export const authorSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  bio: z.string().min(1),
  /** Twitter handle without "@". */
  twitter: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,15}$/, { error: 'expected a Twitter handle without "@" (letters, digits, _; up to 15)' })
    .optional(),
  avatar: z.string().optional(),
});

export type Author = z.infer<typeof authorSchema>;
