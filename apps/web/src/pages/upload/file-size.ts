/**
 * A file's size as people read it: bytes under 1 KiB (a 27-byte file is not "0.0 KiB"), then KiB,
 * then MiB (a weekly batch of several MiB is not "4,812.3 KiB").
 */
export function fileSize(bytes: number, num: (value: number, digits?: number) => string): string {
  if (bytes < 1024) return `${num(bytes)} B`;
  if (bytes < 1024 * 1024) return `${num(bytes / 1024, 1)} KiB`;
  return `${num(bytes / (1024 * 1024), 1)} MiB`;
}
