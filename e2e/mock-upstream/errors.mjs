// @ts-check
/**
 * Error bodies in each provider's shape (wire-formats.md §1, §2, §3, §5, §6, §7).
 */

// ---------------------------------------------------------------------------------------------
// OpenAI and the OpenAI-compatible routers
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} message
 * @param {string | null} type
 * @param {string | null} code
 * @param {string | null} [param]
 */
export function openAiError(message, type, code, param = null) {
  return { error: { message, type, param, code } };
}

/** @type {Record<number, [message: string, type: string, code: string]>} */
const OPENAI_ERRORS = {
  401: ['Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'],
  402: [
    'You exceeded your current quota, please check your plan and billing details.',
    'insufficient_quota',
    'insufficient_quota',
  ],
  404: [
    'The model does not exist or you do not have access to it.',
    'invalid_request_error',
    'model_not_found',
  ],
  429: [
    'Rate limit reached for requests. Please try again in 7s.',
    'rate_limit_exceeded',
    'rate_limit_exceeded',
  ],
};

/** @param {number} status */
export function openAiErrorForStatus(status) {
  const known = OPENAI_ERRORS[status];
  if (known) return openAiError(...known);
  if (status >= 500) {
    const message = 'The server had an error while processing your request. Sorry about that!';
    return openAiError(message, 'server_error', 'server_error');
  }
  return openAiError(`Mock error ${status}.`, 'invalid_request_error', null);
}

/**
 * OpenAI's `unsupported_value` body, word for word.
 * @param {unknown} value
 * @param {string} param
 */
export function openAiUnsupportedValue(value, param) {
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return openAiError(
    `Unsupported value: '${param}' does not support ${shown} with this model. Only the default (1) value is supported.`,
    'invalid_request_error',
    'unsupported_value',
    param,
  );
}

/** @type {Record<number, [message: string, errorType: string]>} */
const OPENROUTER_ERRORS = {
  400: ['Invalid request parameters', 'invalid_request'],
  401: ['No auth credentials found', 'authentication'],
  402: ['Insufficient credits. Add more using https://openrouter.ai/credits', 'payment_required'],
  408: ['Operation timed out. Please try again later.', 'timeout'],
  429: ['Rate limit exceeded', 'rate_limit_exceeded'],
  502: ['Provider returned error', 'provider_unavailable'],
  503: ['No available providers meet your routing requirements', 'provider_unavailable'],
};

/**
 * OpenRouter's shape: numeric `code` equal to the HTTP status, and a `metadata` object.
 * @param {number} status
 * @param {string} userText Quoted back in a moderation error.
 */
export function openRouterError(status, userText) {
  if (status === 403) {
    return {
      error: {
        code: 403,
        message: 'mock requires moderation on Mock. Your input was flagged for "violence".',
        metadata: {
          reasons: ['violence'],
          flagged_input: userText.slice(0, 100),
          provider_name: 'Mock',
          model_slug: 'mock',
        },
      },
    };
  }
  const [message, errorType] = OPENROUTER_ERRORS[status] ?? [
    status >= 500 ? 'Internal Server Error' : `Mock error ${status}`,
    status >= 500 ? 'server' : 'invalid_request',
  ];
  return {
    error: { code: status, message, metadata: { error_type: errorType, provider_name: 'Mock' } },
  };
}

export function openRouterMidStreamError() {
  return {
    code: 502,
    message: 'Provider returned error',
    metadata: { error_type: 'provider_unavailable', provider_name: 'Mock' },
  };
}

/**
 * Azure's own errors (not the OpenAI-shaped ones it relays): a string `code`, no `type`.
 * @param {string} code
 * @param {string} message
 */
export function azureError(code, message) {
  return { error: { code, message } };
}

export const AZURE_ACCESS_DENIED = azureError(
  '401',
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
);

export const AZURE_DEPLOYMENT_NOT_FOUND = azureError(
  'DeploymentNotFound',
  'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
);

// ---------------------------------------------------------------------------------------------
// Anthropic
// ---------------------------------------------------------------------------------------------

/** @type {Record<number, [type: string, message: string]>} */
const ANTHROPIC_ERRORS = {
  400: ['invalid_request_error', 'Invalid request.'],
  401: ['authentication_error', 'invalid x-api-key'],
  402: [
    'billing_error',
    'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  ],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'The requested resource could not be found.'],
  409: ['conflict_error', 'Conflict.'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: [
    'rate_limit_error',
    'This request would exceed the rate limit for your organization. Please try again later.',
  ],
  500: ['api_error', 'Internal server error'],
  529: ['overloaded_error', 'Overloaded'],
};

/**
 * `{"type":"error","error":{"type","message"},"request_id"}`.
 * @param {number} status
 * @param {string} requestId
 * @param {string} [message] Replaces the usual message for the status.
 */
export function anthropicError(status, requestId, message) {
  const [type, defaultMessage] =
    ANTHROPIC_ERRORS[status] ??
    (status >= 500
      ? ['api_error', 'Internal server error']
      : ['invalid_request_error', `Mock error ${status}.`]);
  return {
    type: 'error',
    error: { type, message: message ?? defaultMessage },
    request_id: requestId,
  };
}

/** The event Anthropic sends when it fails after the stream has started. */
export const ANTHROPIC_OVERLOADED_EVENT = {
  type: 'error',
  error: { type: 'overloaded_error', message: 'Overloaded' },
};

// ---------------------------------------------------------------------------------------------
// Gemini
// ---------------------------------------------------------------------------------------------

/** @type {Record<number, [status: string, message: string]>} */
const GEMINI_ERRORS = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  401: [
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  ],
  403: ['PERMISSION_DENIED', 'The caller does not have permission'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  429: [
    'RESOURCE_EXHAUSTED',
    'You exceeded your current quota, please check your plan and billing details.',
  ],
  500: [
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  ],
  503: ['UNAVAILABLE', 'The model is overloaded. Please try again later.'],
  504: ['DEADLINE_EXCEEDED', 'The request timed out. Please try again.'],
};

/**
 * `{"error":{"code","message","status","details"?}}`.
 * @param {number} code
 * @param {string} [message] Replaces the usual message for the code.
 * @param {unknown[]} [details]
 */
export function geminiError(code, message, details) {
  const [status, defaultMessage] =
    GEMINI_ERRORS[code] ??
    (code >= 500
      ? ['INTERNAL', 'Internal error encountered.']
      : ['INVALID_ARGUMENT', `Mock error ${code}.`]);
  const error = { code, message: message ?? defaultMessage, status };
  return { error: details ? { ...error, details } : error };
}

/** Google answers a wrong key with 400, not 401. */
export const GEMINI_INVALID_KEY = geminiError(
  400,
  'API key not valid. Please pass a valid API key.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
  ],
);

/** ...and a missing key with 403. */
export const GEMINI_MISSING_KEY = geminiError(
  403,
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
);

/** Quota errors carry a RetryInfo detail. */
export const GEMINI_RETRY_INFO = {
  '@type': 'type.googleapis.com/google.rpc.RetryInfo',
  retryDelay: '7s',
};
