import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A Postgres address that nothing serves: every connection is counted and dropped at once. `next
 * build` runs with DATABASE_URL pointing here, so a build that opens the database (a page rendered
 * statically that queries, a client created at module scope) is caught, not silently fed by a live
 * database.
 */
export interface DatabaseTripwire {
  url: string;
  connections(): number;
  close(): Promise<void>;
}

export async function startDatabaseTripwire(): Promise<DatabaseTripwire> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgresql://ferry-build@127.0.0.1:${port}/next-build-must-not-connect`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
