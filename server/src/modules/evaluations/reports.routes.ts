import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, UnitReport, UnitReportQuery } from '../../../../contract';
import type { AppDeps } from '../../app';
import { errors } from '../../http';
import { message, requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { unitReport } from './reports.service';

const tags = ['reports'];

export const reportsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/units/:id/reports',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: "A quarter of the unit's Party members' participation in their home communities",
          params: IdParams,
          querystring: UnitReportQuery,
          response: { 200: UnitReport, ...errors },
        },
      },
      (req) => unitReport(db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/units/:id/reports/export',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: 'The quarterly report to Excel',
          params: IdParams,
          querystring: UnitReportQuery,
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const r = await unitReport(db, actorOf(req), req.params.id, req.query);
        const lang = requestLocale(req);
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet(`${r.year} Q${r.quarter}`);
        sheet.addRow([
          message(lang, 'report_title', { unit: r.unit.name, year: r.year, quarter: r.quarter }),
        ]).font = {
          bold: true,
          size: 14,
        };
        sheet.addRow([`${r.from} ~ ${r.to}`]);
        sheet.addRow([
          message(lang, 'export_name'),
          message(lang, 'report_home'),
          message(lang, 'report_registered'),
          message(lang, 'report_hours'),
          message(lang, 'report_roles'),
          message(lang, 'report_meetings'),
          message(lang, 'report_courses'),
        ]).font = { bold: true };
        const yes = message(lang, 'report_yes');
        const no = message(lang, 'report_no');
        for (const m of r.members)
          sheet.addRow([
            m.person.name,
            m.homeCommunity,
            m.registered ? yes : no,
            m.hours,
            m.roles,
            m.meetings,
            m.courses,
          ]);
        sheet.addRow([
          message(lang, 'export_total'),
          '',
          `${r.totals.registered}/${r.totals.members}`,
          r.totals.hours,
          r.totals.roles,
          r.totals.meetings,
          r.totals.courses,
        ]).font = { bold: true };
        sheet.columns.forEach((c, i) => {
          c.width = i < 2 ? 20 : 12;
        });
        const name = `${r.unit.name}-${r.year}Q${r.quarter}.xlsx`;
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(Buffer.from(await book.xlsx.writeBuffer()));
      },
    );
  };
