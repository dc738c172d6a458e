/** Reads at most `limit` characters of a response body, then stops the download. */
export async function readTextPrefix(response: Response, limit: number): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, limit);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    const part = decoder.decode(value, { stream: true });
    parts.push(part);
    length += part.length;
  }
  await reader.cancel().catch(() => {});
  return parts.join('').slice(0, limit);
}
