/**
 * The console's one door to the server: JSON over the HTTP API with the session cookie. Errors arrive as
 * RFC 9457 problem+json and become ApiError with the server's own words.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
  }
}

/** Sent on every call: the server accepts writes on a cookie session only with it (no cross-site forms). */
const CONSOLE_HEADERS = { "x-ftfx-console": "1" };

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  where?: string;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: Problem = {};
  try {
    body = (await response.json()) as Problem;
  } catch {
    // not JSON: keep the status line
  }
  const where = body.where ? ` (${body.where})` : "";
  return new ApiError(
    response.status,
    body.code ?? "error",
    `${body.detail ?? body.title ?? response.statusText}${where}`,
    body.where,
  );
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...CONSOLE_HEADERS, ...options.headers };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method: options.method ?? (options.json === undefined ? "GET" : "POST"),
    headers,
    credentials: "same-origin",
    ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
  });
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Query string from defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Uploads a raw body with progress (fetch has no upload progress); resolves with the JSON answer. */
export function upload<T>(
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("content-type", contentType);
    for (const [key, value] of Object.entries(CONSOLE_HEADERS)) request.setRequestHeader(key, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, "network", "the server could not be reached"));
    request.onload = () => {
      const response = new Response(request.responseText, { status: request.status });
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as T);
      else problemOf(response).then(reject, reject);
    };
    request.send(body);
  });
}
