/**
 * How long an emergency access stays open before it must be declared again. The DMP
 * leaves it to the platform; the simulator picks 2 hours (README "Choix du simulateur"),
 * overridable with EMERGENCY_ACCESS_MINUTES.
 */
export function emergencyAccessMinutes(): number {
  const fromEnv = Number(process.env.EMERGENCY_ACCESS_MINUTES);
  return Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv <= 24 * 60 ? fromEnv : 120;
}
