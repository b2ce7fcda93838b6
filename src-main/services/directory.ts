import type { Device, Host } from '../../src-preload/contract';
import type { Device as K30Device, Page, PeopleQuery, Person, DeviceQuery } from '../k30/client/types';

/** What the directory needs of the K30 client (structurally the real K30Client). */
export interface DirectoryClient {
  listPeople(query: PeopleQuery): Promise<Page<Person>>;
  listDevices(query: DeviceQuery): Promise<Page<K30Device>>;
}

export interface DirectoryDeps {
  client: () => DirectoryClient;
  now?: () => number;
  /** How long the device list is reused (devices rarely change; the list is paged). */
  deviceCacheMs?: number;
}

const MAX_HOSTS = 20;
/** A visitor at the kiosk: enough to find their host, too little to browse the staff list. */
export const SELF_SERVICE_MAX_HOSTS = 5;
export const SELF_SERVICE_MIN_QUERY = 2;
const PAGE_SIZE = 100;
/** A server that misreports its page count must not keep us looping. */
const MAX_PAGES = 100;

export const phoneTail = (phone: string): string => phone.replace(/\D/g, '').slice(-4);

/** Hosts (K30 people) and devices, in the contract's shapes. */
export class Directory {
  private devices?: { at: number; list: Promise<Device[]> };
  private readonly now: () => number;
  private readonly deviceCacheMs: number;

  constructor(private readonly deps: DirectoryDeps) {
    this.now = deps.now ?? Date.now;
    this.deviceCacheMs = deps.deviceCacheMs ?? 30_000;
  }

  /** By name (the server's match is fuzzy), and by phone too when the query is digits. */
  async searchHosts(query: string): Promise<Host[]> {
    const client = this.deps.client();
    const q = query.trim();
    const searches = [client.listPeople({ pageindex: 1, pagesize: MAX_HOSTS, name: q })];
    if (/^\d+$/.test(q)) searches.push(client.listPeople({ pageindex: 1, pagesize: MAX_HOSTS, phone: q }));
    const pages = await Promise.all(searches);
    const hosts = new Map<string, Host>();
    for (const person of pages.flatMap((p) => p.rows)) {
      if (!person.no || hosts.has(person.no)) continue;
      hosts.set(person.no, { no: person.no, name: person.name, deptname: person.deptname, phoneTail: phoneTail(person.phone) });
    }
    return [...hosts.values()].slice(0, MAX_HOSTS);
  }

  /**
   * The self-service kiosk's search: by name only (a query with a digit finds nobody, so a phone
   * number can never be looked up), at least two characters, at most five people, each with name
   * and department only (no phone tail). The server's match is fuzzy; only names that contain the
   * query are returned.
   */
  async searchHostsForVisitor(query: string): Promise<Host[]> {
    const q = query.trim();
    if ([...q].length < SELF_SERVICE_MIN_QUERY || /\d/.test(q)) return [];
    const page = await this.deps.client().listPeople({ pageindex: 1, pagesize: MAX_HOSTS, name: q });
    const needle = q.toLowerCase();
    const hosts = new Map<string, Host>();
    for (const person of page.rows) {
      if (!person.no || hosts.has(person.no) || !person.name.toLowerCase().includes(needle)) continue;
      hosts.set(person.no, { no: person.no, name: person.name, deptname: person.deptname, phoneTail: '' });
    }
    return [...hosts.values()].slice(0, SELF_SERVICE_MAX_HOSTS);
  }

  /**
   * One host's mobile and department, for the host's notification (main only: the mobile is the
   * mention in a WeCom/DingTalk group and never goes to the renderer). Undefined when not found.
   */
  async hostContact(no: string): Promise<{ mobile: string; deptname: string } | undefined> {
    const page = await this.deps.client().listPeople({ pageindex: 1, pagesize: 5, no });
    const person = page.rows.find((p) => p.no === no);
    return person && { mobile: person.phone.replace(/\D/g, ''), deptname: person.deptname };
  }

  /** Every device, all pages; cached briefly (a failed fetch is not cached). */
  listDevices(): Promise<Device[]> {
    const now = this.now();
    if (this.devices && now - this.devices.at < this.deviceCacheMs) return this.devices.list;
    const list = this.fetchDevices();
    const entry = { at: now, list };
    this.devices = entry;
    list.catch(() => {
      if (this.devices === entry) this.devices = undefined;
    });
    return list;
  }

  /** After a connection change the cached list belongs to another server. */
  clearCache(): void {
    this.devices = undefined;
  }

  private async fetchDevices(): Promise<Device[]> {
    const client = this.deps.client();
    const rows: K30Device[] = [];
    for (let pageindex = 1; pageindex <= MAX_PAGES; pageindex++) {
      const page = await client.listDevices({ pageindex, pagesize: PAGE_SIZE });
      rows.push(...page.rows);
      if (page.rows.length === 0 || pageindex >= page.totalPage || rows.length >= page.total) break;
    }
    return rows.map((d) => ({ no: d.no, name: d.name, area: d.area, regionname: d.regionname, direction: d.outintype === 1 ? 'in' : 'out', online: d.online }));
  }
}
