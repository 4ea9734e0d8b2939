/**
 * A soft two-note chime made with Web Audio: no sound file, nothing fetched. Fails
 * silently where audio is unavailable (a muted or headless machine), since the visual
 * cue and the spoken announcement carry the same news.
 */
let context: AudioContext | null = null;

export function playChime(kind: 'phase' | 'warning'): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const notes = kind === 'phase' ? [660, 880] : [880, 660];
    notes.forEach((frequency, i) => {
      const start = ctx.currentTime + i * 0.22;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.55);
    });
  } catch {
    // No audio here: the visual cue and the announcement still happen.
  }
}
