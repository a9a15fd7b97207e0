/** Small pieces every module's routes share. */
import type { FastifyReply } from 'fastify';
import { ErrorBody } from '../../contract';
import { badRequest } from './errors';

/** The error answers a route documents besides its success. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const noContent = (reply: FastifyReply) => reply.status(204).send();

/** Timestamps leave as ISO 8601 in UTC. */
export const iso = (v: string | Date | null | undefined): string | null =>
  v === null || v === undefined ? null : new Date(v).toISOString();

/** LIKE pattern for "contains", with the wildcards in the user's text escaped. */
export const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A Content-Disposition for a download named in any script (RFC 6266/5987). */
export const attachment = (name: string, disposition: 'attachment' | 'inline' = 'attachment') =>
  `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * An uploaded file's name from x-file-name, which the web app percent-encodes (headers
 * carry no Chinese). A name that is not valid percent-encoding is the client's error, not a 500.
 */
export function fileNameHeader(header: unknown, fallback: string): string {
  try {
    return decodeURIComponent(String(header ?? fallback));
  } catch {
    throw badRequest('bad_file_name');
  }
}
