/** Stable machine-readable error codes. The web app keys its messages on these. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNSUBSCRIBE_INVALID'
  | 'DELIVERY_NOT_RETRYABLE'
  | 'NOT_FOUND'
  | 'ORGANISATION_NOT_FOUND'
  | 'ICS_NOT_FOUND'
  | 'REGION_NOT_FOUND'
  | 'FRAMEWORK_VERSION_NOT_FOUND'
  | 'FRAMEWORK_VERSION_HAS_NO_PREVIOUS'
  | 'FRAMEWORK_INVALID'
  | 'FRAMEWORK_VERSION_PUBLISHED'
  | 'FRAMEWORK_VERSION_IN_USE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF_FAILED'
  | 'INVITATION_INVALID'
  | 'USER_NOT_FOUND'
  | 'USER_EXISTS'
  | 'ROLE_EXISTS'
  | 'ROLE_NOT_FOUND'
  | 'LAST_ADMINISTRATOR'
  | 'USER_DISABLED'
  | 'SSO_NOT_CONFIGURED'
  | 'CYCLE_NOT_FOUND'
  | 'CYCLE_EXISTS'
  | 'CYCLE_NOT_OPEN'
  | 'CYCLE_IN_USE'
  | 'CYCLE_RETIRED'
  | 'RETURN_NOT_FOUND'
  | 'RETURN_SEALED'
  | 'RETURN_INCOMPLETE'
  | 'RETURN_NOT_APPROVED'
  | 'RETURN_STATE'
  /** 409: only a return awaiting the board's approval can be sent back by the board. */
  | 'RETURN_NOT_AWAITING_APPROVAL'
  | 'ANSWER_CONFLICT'
  | 'PLAN_CONFLICT'
  | 'ACTION_CONFLICT'
  | 'SHARING_CONFLICT'
  | 'APPROVAL_EXISTS'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_CONFLICT'
  | 'EVIDENCE_TOO_LARGE'
  | 'EVIDENCE_TYPE_NOT_ALLOWED'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_FILE_INVALID'
  | 'IMPORT_NEEDS_REVIEW'
  | 'IMPORT_APPLIED'
  | 'IMPORT_SUPERSEDED'
  /** 413: the request body is larger than the API accepts. */
  | 'PAYLOAD_TOO_LARGE'
  /** 415: the body is in a format (Content-Type) the route does not take. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** 503: too many board packs are being made; try again after Retry-After seconds. */
  | 'BOARD_PACK_BUSY'
  | 'INTERNAL_ERROR';

export interface FieldError {
  /** The query parameter, path parameter or body property at fault. */
  field: string;
  messages: string[];
}

/** The body of every error response. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** Present on 400 VALIDATION_FAILED and FRAMEWORK_INVALID (field = the path in the document). */
  errors?: FieldError[];
  /** On 429 TOO_MANY_ATTEMPTS and 503 BOARD_PACK_BUSY: seconds until another try is allowed (also the Retry-After header). */
  retryAfterSeconds?: number;
}
