import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  Notification,
  NotificationPrefs,
  NotificationPrefsView,
  Pagination,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors, noContent } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { getPrefs, listNotifications, markAllRead, markRead, putPrefs } from './notifications.service';
import './senders';

export const notificationsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first (unread=true: only unread)',
          querystring: z.strictObject({ ...Pagination, unread: z.enum(['true', 'false']).optional() }),
          response: { 200: page(Notification), ...errors },
        },
      },
      (req) => listNotifications(db, actorOf(req), req.query, requestLocale(req)),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        config: { policy: 'session' },
        schema: { tags: ['notifications'], params: IdParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await markRead(db, actorOf(req), req.params.id);
        return noContent(reply);
      },
    );
    app.post(
      '/api/notifications/read-all',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['notifications'],
          response: { 200: z.object({ marked: z.number() }), ...errors },
        },
      },
      (req) => markAllRead(db, actorOf(req)),
    );
    app.get(
      '/api/notifications/prefs',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['notifications'],
          summary: 'Your notification preferences, with the staff kinds you may receive',
          response: { 200: NotificationPrefsView, ...errors },
        },
      },
      (req) => getPrefs(db, actorOf(req)),
    );
    app.put(
      '/api/notifications/prefs',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['notifications'],
          summary:
            'Kinds muted in the bell, channels besides it (delivered by the operator’s senders), and the daily digest',
          body: NotificationPrefs,
          response: { 200: NotificationPrefsView, ...errors },
        },
      },
      (req) => putPrefs(db, actorOf(req), req.body),
    );
  };
