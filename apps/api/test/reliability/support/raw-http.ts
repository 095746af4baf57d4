/**
 * A bare HTTP client for the reliability suites: any method, headers and bytes (a supertest agent
 * would fix up what a careless client gets wrong), cookies kept like a browser, and a connection
 * reset reported as status 0 rather than thrown.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body, when it was JSON. */
  json: unknown;
  /** Set when the connection failed instead of answering (status 0). */
  error?: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

function toResponse(status: number, headers: RawResponse['headers'], text: string): RawResponse {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}

export function send(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolvePromise) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const r = request(
      {
        host: '127.0.0.1',
        port,
        // A connection per request: one the server closed is never reused.
        agent: false,
        method: req.method,
        path: req.path,
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise(
            toResponse(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')),
          ),
        );
        res.on('error', (e) => resolvePromise({ ...toResponse(0, {}, ''), error: e.message }));
      },
    );
    r.on('error', (e) => resolvePromise({ ...toResponse(0, {}, ''), error: e.message }));
    // A server that answers before reading the body (431, 413) closes the connection while the body
    // is still being written: the write fails on the socket after the answer has come. That is the
    // client's own failure to report (the answer stands), not an uncaught error of the suite.
    r.on('socket', (socket) => socket.on('error', () => undefined));
    if (body) r.write(body);
    r.end();
  });
}

/**
 * Sends a request whose body stops short of its Content-Length, then closes the sending side, as a
 * client that dies mid-upload does. Resolves with the status line's code, or 0 if none came.
 */
export function sendTruncated(
  port: number,
  req: RawRequest & { declaredLength: number },
  waitMs = 5_000,
): Promise<number> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('connect', () => {
      const head = [
        `${req.method} ${req.path} HTTP/1.1`,
        'host: 127.0.0.1',
        `content-length: ${req.declaredLength}`,
        ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      if (req.body) socket.write(req.body);
      socket.end();
    });
  });
}

/** A browser-like client over raw HTTP: keeps cookies, sends the CSRF token on writes. */
export class RawClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly port: number,
    private readonly userAgent = 'wgll-reliability/1.0',
  ) {}

  /** Takes another client's cookies, as a thief who copied them from the browser would. */
  copyCookies(from: RawClient, names?: string[]): this {
    for (const [k, v] of from.cookies) if (!names || names.includes(k)) this.cookies.set(k, v);
    return this;
  }

  /** Reads the session (which sets the CSRF cookie and token). */
  async start(): Promise<this> {
    const res = await this.send({ method: 'GET', path: '/api/auth/session' });
    this.csrf = (res.json as { csrfToken: string }).csrfToken;
    return this;
  }

  async signIn(email: string, password: string): Promise<this> {
    await this.start();
    const res = await this.send({
      method: 'POST',
      path: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${res.text}`);
    await this.start();
    return this;
  }

  async signedIn(): Promise<boolean> {
    const res = await this.send({ method: 'GET', path: '/api/auth/session' });
    return res.status === 200 && (res.json as { user: unknown }).user !== null;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(req: RawRequest, options: { csrf?: boolean } = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...req.headers };
    if (this.cookies.size) headers['cookie'] = this.cookieHeader();
    if (options.csrf !== false && req.method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await send(this.port, { ...req, headers });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970|max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}
