// Answers the request protocol of Microsoft's own Excel client library (npm @microsoft/office-js, the code the CDN
// serves) from the strict fake workbook, so that the gateway runs through the real library in tests.
//
// The protocol, as the library sends it for a RequestContext made with a URL (HttpRequestExecutor):
//   POST <url>/ProcessQuery?flags=N, body { Actions: [...], ObjectPaths: { id: path } }
//   path:   { Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo: { Arguments, ReferencedObjectPathIds } }
//           ObjectPathType 1 the workbook, 3 a method returning an object, 4 a property, 5 an indexer (getItem),
//           6 an object by the reference id an earlier answer gave it
//   action: { Id, ActionType, Name, ObjectPathId, ArgumentInfo, QueryInfo: { Select } }
//           ActionType 1 instantiate a path, 2 query (load), 3 call a method, 4 set a property
//   answer: { Results: [{ ActionId, Value }] }, values keyed in PascalCase ({ Values: [[…]] }), a collection's
//           items under "_Items"; a null object answers null to its instantiate; a failed batch answers
//           { Error: { Code, Message, ActionIndex } } (HTTP 200).
// Inside Excel.run the library also sends _KeepReference / _RemoveReference (keeping objects alive across syncs):
// no-ops here. Each path is resolved once per request context and kept (paths are numbered per context and re-sent by later
// requests), against one fake request context synced once per request.
import { fakeContext, FakeOfficeError, FakeWorkbook, utf8Length } from "./fakeExcel";

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}
interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[] };
}
interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPath>;
}
export interface BridgeRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body: unknown;
}
export interface BridgeResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

type Obj = Record<string, unknown>;
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** One per RequestContext of the real library: its object paths stay resolved across its requests. */
export class RichApiBridge {
  private readonly context: Obj;
  private readonly objects = new Map<number, Obj>();
  private readonly refs = new Map<string, Obj>();
  /** Request and response bytes of each request, for the bench. */
  readonly traffic: { request: number; response: number; cleanup: boolean }[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.context = fakeContext(book) as unknown as Obj;
  }

  async answer(request: BridgeRequest): Promise<BridgeResponse> {
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    const body = JSON.parse(text) as RequestBody;
    const results: { ActionId: number; Value: () => unknown }[] = [];
    let out: unknown;
    let current = -1;
    try {
      body.Actions.forEach((a, i) => {
        current = i;
        this.run(a, body.ObjectPaths, results);
      });
      current = -1;
      await (this.context.sync as () => Promise<void>)();
      out = { Results: results.map((r) => ({ ActionId: r.ActionId, Value: r.Value() })) };
    } catch (e) {
      if (!(e instanceof FakeOfficeError)) throw e; // an API the fake does not know: the test fails
      out = { Error: { Code: e.code, Message: e.message, ActionIndex: current } };
    }
    const response = JSON.stringify(out);
    // Excel.run ends with a request of its own that only releases the references it kept
    const cleanup =
      body.Actions.some((a) => a.Name === "_RemoveReference") &&
      body.Actions.every((a) => a.ActionType === 1 || a.Name === "_RemoveReference");
    this.traffic.push({ request: utf8Length(text), response: utf8Length(response), cleanup });
    return { statusCode: 200, headers: {}, body: response };
  }

  private args(info: ArgumentInfo | undefined, paths: Record<string, ObjectPath>): unknown[] {
    const args = info?.Arguments ?? [];
    return args.map((a, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref ? this.resolve(ref, paths) : a;
    });
  }

  private resolve(id: number, paths: Record<string, ObjectPath>): Obj {
    const known = this.objects.get(id);
    if (known) return known;
    const p = paths[String(id)];
    if (!p) throw new Error(`bridge: object path ${id} was not sent`);
    let obj: Obj;
    if (p.ObjectPathType === 1) obj = this.context.workbook as Obj;
    else if (p.ObjectPathType === 6) {
      const ref = this.refs.get(p.Name);
      if (!ref) throw new Error(`bridge: unknown reference ${p.Name}`);
      obj = ref;
    } else {
      const parent = this.resolve(p.ParentObjectPathId!, paths);
      const args = this.args(p.ArgumentInfo, paths);
      if (p.ObjectPathType === 4) obj = parent[camel(p.Name)] as Obj;
      else if (p.ObjectPathType === 3)
        obj = (parent[camel(p.Name)] as (...a: unknown[]) => Obj).apply(parent, args);
      else if (p.ObjectPathType === 5)
        obj = (parent.getItem as (...a: unknown[]) => Obj).apply(parent, args);
      else throw new Error(`bridge: object path type ${p.ObjectPathType} (${p.Name})`);
    }
    if (obj === undefined) throw new Error(`bridge: ${p.Name} gave nothing`);
    this.objects.set(id, obj);
    return obj;
  }

  private run(
    a: Action,
    paths: Record<string, ObjectPath>,
    results: { ActionId: number; Value: () => unknown }[]
  ): void {
    const path = paths[String(a.ObjectPathId)];
    const obj = this.resolve(a.ObjectPathId, paths);
    const nullable = /OrNullObject$/.test(path?.Name ?? "");
    switch (a.ActionType) {
      case 1: {
        // instantiate: a null object answers null; any other a reference id, which the library then sends as
        // the object's path (ObjectPathType 6) in later requests — without it, Excel.run's objects die at a sync
        const ref = `ref${a.ObjectPathId}`;
        this.refs.set(ref, obj);
        results.push({
          ActionId: a.Id,
          Value: () => (nullable && obj.isNullObject ? null : { _ReferenceId: ref }),
        });
        return;
      }
      case 2: {
        const select = a.QueryInfo?.Select ?? [];
        (obj.load as (s: string) => void)(select.join(", "));
        results.push({
          ActionId: a.Id,
          Value: () => {
            if (nullable && obj.isNullObject) return null;
            if ("items" in obj) {
              const items = obj.items as Obj[];
              return {
                _Items: items.map((it) =>
                  Object.fromEntries(select.map((s) => [pascal(s), it[s]]))
                ),
              };
            }
            return Object.fromEntries(select.map((s) => [pascal(s), obj[s]]));
          },
        });
        return;
      }
      case 3:
        // Excel.run keeps the objects of its batch alive across syncs: the bridge keeps every object anyway
        if (a.Name === "_KeepReference" || a.Name === "_RemoveReference") return;
        (obj[camel(a.Name)] as (...x: unknown[]) => unknown).apply(
          obj,
          this.args(a.ArgumentInfo, paths)
        );
        return;
      case 4:
        obj[camel(a.Name)] = this.args(a.ArgumentInfo, paths)[0];
        return;
      default:
        throw new Error(`bridge: action type ${a.ActionType} (${a.Name})`);
    }
  }
}

/** The library's globals after its script ran in this (jsdom) window. */
export interface OfficeLibrary {
  Excel: {
    RequestContext: new (url: string) => Excel.RequestContext;
    run<T>(
      context: Excel.RequestContext,
      batch: (context: Excel.RequestContext) => Promise<T>
    ): Promise<T>;
  };
  OfficeExtension: {
    HttpUtility: {
      setCustomSendRequestFunc(f: ((r: BridgeRequest) => Promise<BridgeResponse>) | null): void;
    };
  };
}
