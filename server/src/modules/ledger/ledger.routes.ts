import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  LedgerCorrectionBody,
  LedgerEntry,
  LedgerListQuery,
  LedgerRecord,
  LedgerRecordQuery,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { correctEntry, listEntries, record } from './ledger.service';

const tags = ['ledger'];

export const ledgerRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/ledger',
      {
        // Everyone reads their own entries; ledger.read reaches an area's or a unit's.
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Participation entries you may see, newest first; corrections are entries too',
          querystring: LedgerListQuery,
          response: { 200: page(LedgerEntry), ...errors },
        },
      },
      (req) => listEntries(db, actorOf(req), req.query, requestLocale(req)),
    );
    app.get(
      '/api/ledger/record',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary:
            "A record's totals by kind (this month, this year, all time): yours, or a person's, unit's or organisation's",
          querystring: LedgerRecordQuery,
          response: { 200: LedgerRecord, ...errors },
        },
      },
      (req) => record(db, actorOf(req), req.query),
    );
    app.post(
      '/api/ledger/:id/corrections',
      {
        config: { policy: 'ledger.correct' },
        schema: {
          tags,
          summary: 'Correct an entry with a new entry that changes its quantity and says why',
          params: IdParams,
          body: LedgerCorrectionBody,
          response: { 201: LedgerEntry, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await correctEntry(db, actorOf(req), req.params.id, req.body, requestLocale(req))),
    );
  };
