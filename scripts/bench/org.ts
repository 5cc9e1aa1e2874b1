// A large synthetic organisation for the benchmarks: departments in a tree, users in one or two
// departments, heads, workgroups and user groups. Deterministic (fixed seed).
import pg from "pg";
import { Random } from "../../lib/demo/random.ts";
import { bulkInsert } from "./lib.ts";

export interface BenchOrg {
  userIds: number[];
  departmentIds: number[];
  heads: number[];
}

export async function buildOrganisation(
  url: string,
  options: { users: number; departments: number; seed?: number },
): Promise<BenchOrg> {
  const random = new Random(options.seed ?? 7);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = Array.from({ length: options.users }, (_, index) => index + 1);
    await bulkInsert(client, "User", {
      id: { type: "int", values: ids },
      email: { type: "text", values: ids.map((id) => `user${id}@bench.test`) },
      firstName: { type: "text", values: ids.map((id) => `First${id}`) },
      lastName: { type: "text", values: ids.map((id) => `Last${id % 977}`) },
      kind: { type: '"UserKind"', values: ids.map((id) => (id % 50 === 0 ? "EXTERNAL" : "EMPLOYEE")) },
      isPortalAdmin: { type: "bool", values: ids.map((id) => id === 1) },
      updatedAt: { type: "timestamptz", values: ids.map(() => new Date()) },
    });
    await client.query(`SELECT setval(pg_get_serial_sequence('"User"', 'id'), ${options.users})`);

    // A tree: each department's parent is an earlier one, biased to the top so subtrees vary in size.
    const parents: (number | null)[] = [null];
    const paths = ["/1/"];
    const depths = [0];
    for (let index = 1; index < options.departments; index += 1) {
      const parent = Math.floor(random.next() ** 2 * index);
      parents.push(parent + 1);
      paths.push(`${paths[parent]}${index + 1}/`);
      depths.push(depths[parent]! + 1);
    }
    const departmentIds = parents.map((_, index) => index + 1);
    const employees = ids.filter((id) => id % 50 !== 0);
    const heads = departmentIds.map(() => (random.chance(0.9) ? random.pick(employees) : null));
    await bulkInsert(client, "Department", {
      id: { type: "int", values: departmentIds },
      name: { type: "text", values: departmentIds.map((id) => `Department ${id}`) },
      parentId: { type: "int", values: parents },
      path: { type: "text", values: paths },
      depth: { type: "int", values: depths },
      headId: { type: "int", values: heads },
    });
    await client.query(`SELECT setval(pg_get_serial_sequence('"Department"', 'id'), ${options.departments})`);

    const memberships = new Set<string>();
    for (const id of employees) {
      memberships.add(`${random.pick(departmentIds)}:${id}`);
      if (random.chance(0.1)) memberships.add(`${random.pick(departmentIds)}:${id}`);
    }
    const pairs = [...memberships].map((pair) => pair.split(":").map(Number));
    await bulkInsert(client, "DepartmentMember", {
      departmentId: { type: "int", values: pairs.map((pair) => pair[0]) },
      userId: { type: "int", values: pairs.map((pair) => pair[1]) },
    });

    for (let group = 1; group <= 20; group += 1) {
      await client.query(`INSERT INTO "WorkGroup" (id, name, "isExternal") VALUES ($1, $2, $3)`, [
        group,
        `Group ${group}`,
        group > 17,
      ]);
      const members = [...new Set(Array.from({ length: 60 }, () => random.pick(ids)))];
      await bulkInsert(client, "WorkGroupMember", {
        workGroupId: { type: "int", values: members.map(() => group) },
        userId: { type: "int", values: members },
      });
    }
    for (let group = 1; group <= 10; group += 1) {
      await client.query(`INSERT INTO "UserGroup" (id, name) VALUES ($1, $2)`, [group, `User group ${group}`]);
      const members = [...new Set(Array.from({ length: 200 }, () => random.pick(employees)))];
      await bulkInsert(client, "UserGroupMember", {
        userGroupId: { type: "int", values: members.map(() => group) },
        userId: { type: "int", values: members },
      });
    }
    await client.query("ANALYZE");
    return { userIds: ids, departmentIds, heads: heads.filter((head): head is number => head !== null) };
  } finally {
    await client.end();
  }
}
