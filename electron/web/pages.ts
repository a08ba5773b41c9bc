import type { ServerResponse } from 'node:http';
import { securityHeaders } from './csp';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '需要访问令牌',
  403: '拒绝访问',
  404: '未找到',
  405: '不支持的操作',
  500: '服务出错',
};

/** A short Chinese error page (the browser shows it to the operator instead of the console). */
export function sendPage(
  res: ServerResponse,
  status: number,
  port: number,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  const title = TITLES[status] ?? '出错了';
  const body = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>12316 坐席台 · ${title}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#1f2a1f}</style></head>
<body><h1>${title}</h1><p>${escapeHtml(message)}</p></body></html>
`;
  res.writeHead(status, {
    ...securityHeaders(port),
    ...extraHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
