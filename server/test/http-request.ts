// Raw HTTP from the test process (to 127.0.0.1 unless the test names another loopback address) with
// exactly the Host and Origin a test chooses; fetch() would set Host itself.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface RawRequest {
	/** The address to connect to: 127.0.0.1 by default, or ::1. */
	address?: string;
	port: number;
	path: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}

export function rawRequest({
	address = '127.0.0.1',
	port,
	path,
	method = 'GET',
	headers = {},
	body
}: RawRequest): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: address, port, path, method, headers, agent: false }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
			);
		});
		req.on('error', reject);
		req.end(body);
	});
}

export function jsonBody<T = unknown>(response: RawResponse): T {
	return JSON.parse(response.body) as T;
}
