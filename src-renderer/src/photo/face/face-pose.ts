/** How a face is turned and tilted, from the detector's 68 landmarks. Pure (unit-tested). */
const point = (p: { x: number; y: number }) => ({ x: p.x, y: p.y });
const mean = (points: { x: number; y: number }[]) => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/** Turn and tilt from the 68 landmarks: eyes 36–41 and 42–47, nose tip 30. */
export function poseOf(positions: { x: number; y: number }[]): { turn: number; tiltDeg: number } {
  const left = mean(positions.slice(36, 42).map(point));
  const right = mean(positions.slice(42, 48).map(point));
  const nose = point(positions[30]);
  const dx = right.x - left.x;
  const dy = right.y - left.y;
  const distance = Math.hypot(dx, dy) || 1;
  // The nose's offset from the eyes' middle, along the eye line.
  const along = ((nose.x - (left.x + right.x) / 2) * dx + (nose.y - (left.y + right.y) / 2) * dy) / distance;
  return { turn: along / distance, tiltDeg: (Math.atan2(dy, dx) * 180) / Math.PI };
}
