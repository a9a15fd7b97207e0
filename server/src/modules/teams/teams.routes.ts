import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Id,
  IdParams,
  Invitation,
  InvitationBody,
  InvitationListQuery,
  Pagination,
  page,
  Suggestion,
  SuggestionQuery,
  Team,
  TeamActivity,
  TeamApplyBody,
  TeamCreateBody,
  TeamInviteBody,
  TeamListQuery,
  TeamMember,
  TeamMemberDecisionBody,
  TeamMemberListQuery,
  TeamMemberUpdateBody,
  TeamSignupBody,
  TeamSignupResult,
  TeamUpdateBody,
} from '../../../../contract';
import { allow } from '../../auth/authorize';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { teamSignUp } from '../dedication-days/signups.service';
import * as invitations from './invitations.service';
import { suggest } from './suggest.service';
import { teamPolicy } from './teams.policy';
import * as teams from './teams.service';

const tags = ['teams'];
const MemberParams = z.strictObject({ id: Id, memberId: Id });

export const teamsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/teams',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Volunteer teams: near home first, by specialty, recruiting, or your own',
          querystring: TeamListQuery,
          response: { 200: page(Team), ...errors },
        },
      },
      (req) => teams.listTeams(db, actorOf(req), req.query),
    );
    app.post(
      '/api/teams',
      {
        config: { policy: 'team.manage' },
        schema: { tags, body: TeamCreateBody, response: { 201: Team, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await teams.createTeam(db, actorOf(req), req.body)),
    );
    app.get(
      '/api/teams/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Team, ...errors } },
      },
      (req) => teams.getTeam(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/teams/:id',
      {
        // The leader edits their own team: the check is the team's, not a role's.
        config: { policy: 'session' },
        schema: { tags, params: IdParams, body: TeamUpdateBody, response: { 200: Team, ...errors } },
      },
      (req) => teams.updateTeam(db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/teams/:id/members',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary:
            'The team: everyone, with applications, for those who run it; its active members for others',
          params: IdParams,
          querystring: TeamMemberListQuery,
          response: { 200: page(TeamMember), ...errors },
        },
      },
      (req) => teams.listTeamMembers(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/teams/:id/members',
      {
        config: { policy: 'team.join' },
        schema: {
          tags,
          summary: 'Apply to join',
          params: IdParams,
          body: TeamApplyBody,
          response: { 201: TeamMember, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await teams.applyToTeam(db, actorOf(req), req.params.id, req.body.note)),
    );
    app.post(
      '/api/teams/:id/invitations',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The leader invites someone of the street to join',
          params: IdParams,
          body: TeamInviteBody,
          response: { 201: TeamMember, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await teams.inviteToTeam(db, actorOf(req), req.params.id, req.body.personId, req.body.note)),
    );
    app.post(
      '/api/teams/:id/members/:memberId/decide',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Accept or decline: the leader an application, the invited person an invitation',
          params: MemberParams,
          body: TeamMemberDecisionBody,
          response: { 200: TeamMember, ...errors },
        },
      },
      (req) =>
        teams.decideMembership(
          db,
          actorOf(req),
          req.params.id,
          req.params.memberId,
          req.body.decision,
          req.body.reason,
        ),
    );
    app.patch(
      '/api/teams/:id/members/:memberId',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: "The leader sets a member's role in the team",
          params: MemberParams,
          body: TeamMemberUpdateBody,
          response: { 200: TeamMember, ...errors },
        },
      },
      (req) =>
        teams.updateMembership(db, actorOf(req), req.params.id, req.params.memberId, { role: req.body.role }),
    );
    app.post(
      '/api/teams/:id/members/:memberId/leave',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'A member leaves, or the leader takes them off',
          params: MemberParams,
          response: { 200: TeamMember, ...errors },
        },
      },
      (req) => teams.updateMembership(db, actorOf(req), req.params.id, req.params.memberId, { leave: true }),
    );
    app.get(
      '/api/teams/:id/activities',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Project roles the team claimed and dedication-day tasks it staffed, newest first',
          params: IdParams,
          querystring: z.strictObject(Pagination),
          response: { 200: page(TeamActivity), ...errors },
        },
      },
      (req) => teams.teamActivities(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/teams/:id/signups',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The leader puts members forward for a dedication-day task as the team',
          params: IdParams,
          body: TeamSignupBody,
          response: { 201: TeamSignupResult, ...errors },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const team = await teams.loadTeam(db, actor, req.params.id);
        allow(teamPolicy.run(actor, team), 'team_not_runner');
        await teams.activeMembers(db, actor.districtId, team.id, req.body.personIds);
        return reply
          .status(201)
          .send(await teamSignUp(db, actor, team, req.body.taskId, req.body.personIds, requestLocale(req)));
      },
    );
    app.get(
      '/api/teams/suggestions',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary:
            'People to ask for a team, a project role or a dedication-day task, ranked, each with its reasons',
          querystring: SuggestionQuery,
          response: { 200: z.array(Suggestion), ...errors },
        },
      },
      (req) => suggest(db, actorOf(req), req.query, requestLocale(req)),
    );

    // ---------- invitations to a role or a task ----------
    app.get(
      '/api/invitations',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: InvitationListQuery, response: { 200: page(Invitation), ...errors } },
      },
      (req) => invitations.listInvitations(db, actorOf(req), req.query, requestLocale(req)),
    );
    app.post(
      '/api/invitations',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Invite one person to take a project role or a dedication-day task',
          body: InvitationBody,
          response: { 201: Invitation, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await invitations.invite(db, actorOf(req), req.body, requestLocale(req))),
    );
    app.post(
      '/api/invitations/:id/accept',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Accept: the role is claimed (or the task signed up for) in your name',
          params: IdParams,
          response: { 200: Invitation, ...errors },
        },
      },
      (req) => invitations.answer(db, actorOf(req), req.params.id, true, requestLocale(req)),
    );
    app.post(
      '/api/invitations/:id/decline',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Invitation, ...errors } },
      },
      (req) => invitations.answer(db, actorOf(req), req.params.id, false, requestLocale(req)),
    );
  };
