import { builder } from '../builder.ts';
import './error.ts';
import './validation-error.ts';
import './duplicate-error.ts';
import './role.ts';
import './sort-direction.ts';
import './address.ts';
import './team.ts';
import './user.ts';
import './lifecycle-status.ts';
import './source.ts';
import './tag.ts';
import './account.ts';
import './contact.ts';
import './opportunity.ts';
import './session.ts';
import './api-token.ts';
import './heartbeat.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
