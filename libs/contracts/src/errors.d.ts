/** Stable machine-readable error codes. The web app keys its messages on these. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ORGANISATION_NOT_FOUND'
  | 'ICS_NOT_FOUND'
  | 'REGION_NOT_FOUND'
  | 'FRAMEWORK_VERSION_NOT_FOUND'
  | 'FRAMEWORK_INVALID'
  | 'FRAMEWORK_VERSION_PUBLISHED'
  | 'FORBIDDEN'
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
}
