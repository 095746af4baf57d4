import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Approval,
  Assignment,
  AssigneeList,
  Evidence,
  EvidenceRules,
  MyAssignmentList,
  ReturnDetail,
  ReturnHistory,
  SaveAnswerResult,
  SealVerification,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readUpload } from '../../common/multipart-upload.js';
import { Allow, CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { AnswersService } from './answers.service.js';
import { AssignmentsService } from './assignments.service.js';
import {
  AddEvidenceLinkDto,
  AnswerParams,
  ApproveDto,
  AssignDto,
  AssignmentParams,
  ConfirmAnswerDto,
  DeclineDto,
  EvidenceParams,
  HistoryQuery,
  ReopenDto,
  ReturnIdParam,
  SaveAnswerDto,
  SealParams,
} from './dto/returns.dto.js';
import { EvidenceService } from './evidence.service.js';
import { ReturnsService } from './returns.service.js';
import { WorkflowService } from './workflow.service.js';

const RETURN = { type: 'return', param: 'id' } as const;

/** A return by id: reading, answering, evidence, assignments, workflow, seals and history. */
@ApiTags('returns')
@Controller('returns')
export class ReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly answers: AnswersService,
    private readonly evidence: EvidenceService,
    private readonly assignments: AssignmentsService,
    private readonly workflow: WorkflowService,
  ) {}

  @Get(':id')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: 'A return with its answers, scores, evidence, assignments, approvals and seals' })
  detail(@Param() { id }: ReturnIdParam, @CurrentUser() user: Principal): Promise<ReturnDetail> {
    return this.returns.detail(id, user);
  }

  @Get(':id/framework')
  @Allow('return:view', RETURN)
  @ApiOperation({
    summary:
      "The framework version the return is answered against, with its care setting's domains (asked for beside the return)",
  })
  framework(@Param() { id }: ReturnIdParam): Promise<FrameworkVersion> {
    return this.returns.framework(id);
  }

  @Put(':id/answers/:domainId')
  @Allow('return:answer', RETURN)
  @ApiOperation({
    summary: "Save a domain's answer; 409 ANSWER_CONFLICT with `current` when baseVersion is stale",
  })
  save(
    @Param() { id, domainId }: AnswerParams,
    @Body() body: SaveAnswerDto,
    @CurrentUser() user: Principal,
  ): Promise<SaveAnswerResult> {
    return this.answers.save(id, domainId, body, user);
  }

  @Post(':id/answers/:domainId/confirm')
  @HttpCode(200)
  @Allow('return:answer', RETURN)
  @ApiOperation({ summary: 'Keep a carried-forward answer as it is' })
  confirm(
    @Param() { id, domainId }: AnswerParams,
    @Body() body: ConfirmAnswerDto,
    @CurrentUser() user: Principal,
  ): Promise<SaveAnswerResult> {
    return this.answers.confirm(id, domainId, body, user);
  }

  @Post(':id/evidence/links')
  @Allow('return:answer', RETURN)
  @ApiOperation({ summary: 'Add a link as evidence' })
  addLink(
    @Param() { id }: ReturnIdParam,
    @Body() body: AddEvidenceLinkDto,
    @CurrentUser() user: Principal,
  ): Promise<Evidence> {
    return this.evidence.addLink(id, body, user);
  }

  @Post(':id/evidence/files')
  @Allow('return:answer', RETURN)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload a file as evidence (multipart: `title`, then `file`); 413 too large, 415 wrong type',
  })
  async addFile(
    @Param() { id }: ReturnIdParam,
    @Req() request: FastifyRequest,
    @CurrentUser() user: Principal,
  ): Promise<Evidence> {
    const upload = await readUpload(request, this.evidence.uploadOptions());
    return this.evidence.addFile(id, upload, user);
  }

  @Get(':id/evidence/:evidenceId/file')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: 'Download an evidence file' })
  file(@Param() { id, evidenceId }: EvidenceParams) {
    return this.evidence.file(id, evidenceId);
  }

  @Delete(':id/evidence/:evidenceId')
  @HttpCode(204)
  @Allow('return:answer', RETURN)
  @ApiOperation({ summary: 'Remove evidence from the return and from the answers citing it' })
  removeEvidence(@Param() { id, evidenceId }: EvidenceParams, @CurrentUser() user: Principal): Promise<void> {
    return this.evidence.remove(id, evidenceId, user);
  }

  @Get(':id/assignees')
  @Allow('return:assign', RETURN)
  @ApiOperation({ summary: 'People who may be given work on the return' })
  assignees(@Param() { id }: ReturnIdParam): Promise<AssigneeList> {
    return this.assignments.assignees(id);
  }

  @Put(':id/assignments')
  @Allow('return:assign', RETURN)
  @ApiOperation({ summary: 'Assign a measure or a single domain to someone (replacing any assignee)' })
  assign(
    @Param() { id }: ReturnIdParam,
    @Body() body: AssignDto,
    @CurrentUser() user: Principal,
  ): Promise<Assignment> {
    return this.assignments.assign(id, body, user);
  }

  @Delete(':id/assignments/:assignmentId')
  @HttpCode(204)
  @Allow('return:assign', RETURN)
  @ApiOperation({ summary: 'Remove an assignment' })
  unassign(@Param() { id, assignmentId }: AssignmentParams, @CurrentUser() user: Principal): Promise<void> {
    return this.assignments.unassign(id, assignmentId, user);
  }

  @Post(':id/ready')
  @HttpCode(200)
  @Allow('return:submit', RETURN)
  @ApiOperation({ summary: 'Mark ready for board approval; 409 RETURN_INCOMPLETE lists what is missing' })
  ready(@Param() { id }: ReturnIdParam, @CurrentUser() user: Principal): Promise<ReturnDetail> {
    return this.workflow.ready(id, user);
  }

  @Post(':id/approvals')
  @Allow('return:approve', RETURN)
  @ApiOperation({ summary: "Record the board's approval (meeting date and minute reference)" })
  approve(
    @Param() { id }: ReturnIdParam,
    @Body() body: ApproveDto,
    @CurrentUser() user: Principal,
  ): Promise<Approval> {
    return this.workflow.approve(id, body, user);
  }

  @Post(':id/declines')
  @Allow('return:approve', RETURN)
  @ApiOperation({
    summary:
      "Send a return awaiting approval back to draft with the board's comments (board approvers); 409 RETURN_NOT_AWAITING_APPROVAL from any other state",
  })
  decline(
    @Param() { id }: ReturnIdParam,
    @Body() body: DeclineDto,
    @CurrentUser() user: Principal,
  ): Promise<ReturnDetail> {
    return this.workflow.decline(id, body, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow('return:submit', RETURN)
  @ApiOperation({ summary: 'Submit and seal; 409 RETURN_NOT_APPROVED lists what is missing' })
  submit(@Param() { id }: ReturnIdParam, @CurrentUser() user: Principal): Promise<ReturnDetail> {
    return this.workflow.submit(id, user);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Allow('return:reopen', RETURN)
  @ApiOperation({ summary: 'Reopen a submitted return as a new revision (national administrators)' })
  reopen(
    @Param() { id }: ReturnIdParam,
    @Body() body: ReopenDto,
    @CurrentUser() user: Principal,
  ): Promise<ReturnDetail> {
    return this.workflow.reopen(id, body, user);
  }

  @Get(':id/seals/:revision')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: 'Download the sealed snapshot of a revision (canonical JSON)' })
  async seal(@Param() { id, revision }: SealParams, @Res() reply: FastifyReply): Promise<void> {
    const { text, fileName } = await this.workflow.sealText(id, revision);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(text);
  }

  @Get(':id/seals/:revision/verification')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: "Recompute a seal's SHA-256 and compare it with the stored one" })
  verify(@Param() { id, revision }: SealParams): Promise<SealVerification> {
    return this.workflow.verify(id, revision);
  }

  @Get(':id/history')
  @Allow('return:view', RETURN)
  @ApiOperation({ summary: "The return's audit history, newest first" })
  history(@Param() { id }: ReturnIdParam, @Query() query: HistoryQuery): Promise<ReturnHistory> {
    return this.returns.history(id, query.page ?? 1, query.pageSize ?? 50);
  }
}

@ApiTags('returns')
@Controller()
export class ReturnsSupportController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('evidence-rules')
  @SignedIn()
  @ApiOperation({ summary: 'The file types and size accepted as evidence' })
  rules(): EvidenceRules {
    return this.evidence.rules();
  }

  @Get('me/assignments')
  @SignedIn()
  @ApiOperation({ summary: "The signed-in user's assignments, with what is left of each" })
  mine(@CurrentUser() user: Principal): Promise<MyAssignmentList> {
    return this.assignments.mine(user);
  }
}
