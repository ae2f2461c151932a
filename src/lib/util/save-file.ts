// Hands a made file to the person: the browser's download, which works on every device in the room,
// the LAN participant's plain-http page included (no File System Access API needed).

export function saveFile(fileName: string, bytes: Uint8Array, mediaType: string): void {
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked a little later: some browsers read the URL only after click() has returned.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
