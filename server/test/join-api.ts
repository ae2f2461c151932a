// The joining API as tests use it: the owner's token, invitations, joins and device management, over real
// HTTP to a test server.
import {
	API_PATHS,
	type InvitationRequest,
	type InvitationResponse,
	type JoinResponse,
	type OwnerTokenResponse
} from '../../src/lib/contract/protocol';
import { jsonBody, rawRequest } from './http-request';

export interface ApiAnswer<T = unknown> {
	status: number;
	body: T;
}

export async function callApi<T = unknown>(
	port: number,
	method: string,
	path: string,
	options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<ApiAnswer<T>> {
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	const response = await rawRequest({
		port,
		method,
		path,
		body,
		headers: {
			Host: `localhost:${port}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
			...options.headers
		}
	});
	return { status: response.status, body: jsonBody<T>(response) };
}

/** The laptop owner's moderation token (loopback, Host and Origin localhost). */
export async function ownerToken(port: number): Promise<string> {
	const answer = await callApi<OwnerTokenResponse>(port, 'POST', API_PATHS.ownerToken, {
		headers: { Origin: `http://localhost:${port}` }
	});
	if (answer.status !== 200) throw new Error(`no owner token: ${answer.status}`);
	return answer.body.token;
}

export async function invite(
	port: number,
	token: string,
	request: InvitationRequest
): Promise<InvitationResponse> {
	const answer = await callApi<InvitationResponse>(port, 'POST', API_PATHS.invitations, {
		token,
		body: request
	});
	if (answer.status !== 201) throw new Error(`invitation refused: ${JSON.stringify(answer)}`);
	return answer.body;
}

export async function join(
	port: number,
	code: string,
	displayName?: string
): Promise<JoinResponse> {
	const answer = await callApi<JoinResponse>(port, 'POST', API_PATHS.join, {
		body: { code, ...(displayName === undefined ? {} : { displayName }) },
		headers: { 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36' }
	});
	if (answer.status !== 201) throw new Error(`join refused: ${JSON.stringify(answer)}`);
	return answer.body;
}
