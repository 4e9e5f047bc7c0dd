import { describe, expect, it } from "vitest";
import { currentNamespace, enterNamespace, openNamespaceScope, runInNamespace } from "./namespace-scope";

/** How a page reaches its actor: page → requireActor → getActor (cached, resolved after an await). */
function requestChain() {
  let cached: Promise<{ namespaceId: string }> | undefined;
  const loadActor = () => (cached ??= (async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { namespaceId: "ns-page" };
  })());
  async function getActor() {
    openNamespaceScope();
    const actor = await loadActor();
    enterNamespace(actor.namespaceId);
    return actor;
  }
  const requireActor = async () => getActor();
  return { requireActor };
}

describe("the namespace scope of a request", () => {
  it("reaches every caller up the chain once the session has read the actor, even through a cached lookup", async () => {
    // A fresh request: no scope of ours yet, as in Next's own request context (first test of the file).
    const seen = await (async () => {
      const { requireActor } = requestChain();
      const page = async () => {
        await Promise.resolve();
        await requireActor();
        await Promise.resolve();
        return currentNamespace();
      };
      const layout = async () => {
        await requireActor();
        return currentNamespace();
      };
      return Promise.all([layout(), page()]);
    })();
    expect(seen).toEqual(["ns-page", "ns-page"]);
  });

  it("stays inside its request: another request's scope is untouched", async () => {
    const [a, b] = await Promise.all([
      runInNamespace(null, async () => {
        openNamespaceScope();
        await Promise.resolve();
        enterNamespace("ns-a");
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentNamespace();
      }),
      runInNamespace(null, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentNamespace();
      }),
    ]);
    expect([a, b]).toEqual(["ns-a", null]);
  });
});
