export default async function globalTeardown() {
  await globalThis.__MONOLIET_PG__?.stop();
}
