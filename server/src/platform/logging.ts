import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * JSON logs with the request id on every line and no personal data: URLs are logged without
 * their query string (it can carry a CURP or a name), client addresses and bodies are never
 * logged, and secrets are redacted wherever they appear.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.temporaryPassword',
        '*.token',
      ],
      censor: '[redactado]',
    },
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
}

export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return stream ? pino(loggerOptions(level), stream as pino.DestinationStream) : pino(loggerOptions(level));
}
