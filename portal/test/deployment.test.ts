import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

// There is no Docker on the CI machine, so these tests read the deployment files the way Docker Compose
// and Docker would, and check what a deployment depends on.
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas: number };
  stop_grace_period?: string;
};
type ComposeFile = { services: Record<string, Service>; volumes?: Record<string, unknown> };

function loadCompose(file: string) {
  const document = parseDocument(read(file), { logLevel: 'error' });
  expect(document.errors).toEqual([]);
  return { document, compose: document.toJS() as ComposeFile };
}

const { compose } = loadCompose('docker-compose.yml');
const { services } = compose;
const envExample = read('.env.example');
const exampleValue = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(envExample)?.[1];
const healthcheckCommand = (service: Service) => service.healthcheck!.test.join(' ');

describe('docker-compose.yml', () => {
  it('runs postgres, the portal, n8n and mailpit', () => {
    expect(Object.keys(services).sort()).toEqual(['mailpit', 'n8n', 'portal', 'postgres']);
  });

  it('keeps PostgreSQL 16 or newer on a named volume, with a readiness healthcheck', () => {
    const postgres = services.postgres!;
    const major = Number(/^postgres:(\d+)/.exec(postgres.image!)?.[1]);
    expect(major).toBeGreaterThanOrEqual(16);
    expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(compose.volumes).toHaveProperty('postgres-data');
    expect(healthcheckCommand(postgres)).toContain('pg_isready');
  });

  it('builds the portal from its Dockerfile and starts it on a healthy database, with the mail catcher', () => {
    const portal = services.portal!;
    expect(portal.build).toEqual({ context: '.', dockerfile: 'portal/Dockerfile' });
    expect(existsSync(path.join(ROOT, portal.build!.dockerfile))).toBe(true);
    expect(portal.env_file).toBe('.env');
    expect(portal.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, mailpit: { condition: 'service_healthy' } });
    expect(portal.environment).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
    expect(portal.environment!.DATABASE_URL).toMatch(/^postgres:\/\/\$\{POSTGRES_USER[^}]*\}:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/\$\{POSTGRES_DB[^}]*\}$/);
    expect(portal.environment!.SMTP_URL).toContain('smtp://mailpit:1025');
    expect(portal.environment!.N8N_URL).toContain('http://n8n:5678');
    expect(healthcheckCommand(portal)).toMatch(/127\.0\.0\.1:3000\/(healthz|readyz)/);
    // long enough for the drain (SHUTDOWN_TIMEOUT_SECONDS) to finish before Docker kills the process
    expect(Number.parseInt(portal.stop_grace_period!, 10)).toBeGreaterThan(Number(exampleValue('SHUTDOWN_TIMEOUT_SECONDS')));
  });

  it('loads the Monoliet nodes that `npm run build` puts in dist/ into the official n8n image', () => {
    const n8n = services.n8n!;
    expect(n8n.image).toMatch(/^docker\.n8n\.io\/n8nio\/n8n:/);
    const extensions = n8n.environment!.N8N_CUSTOM_EXTENSIONS!;
    expect(n8n.volumes).toContain(`./dist:${extensions}:ro`);
    expect(n8n.volumes).toContain('n8n-data:/home/node/.n8n');
    expect(compose.volumes).toHaveProperty('n8n-data');
    // n8n loads every *.node.js and *.credentials.js under that folder: the package's nodes live in dist/
    const pkg = JSON.parse(read('package.json')) as { n8n: { nodes: string[]; credentials: string[] } };
    for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(file).toMatch(/^dist\/.+\.(node|credentials)\.js$/);
    expect(healthcheckCommand(n8n)).toContain('5678/healthz');
  });

  it('catches the portal’s emails in mailpit, with its web UI published', () => {
    const mailpit = services.mailpit!;
    expect(mailpit.image).toMatch(/^axllent\/mailpit:/);
    expect(mailpit.ports!.some((port) => port.endsWith(':8025'))).toBe(true);
    expect(healthcheckCommand(mailpit)).toContain('readyz');
  });

  it('declares every named volume it mounts', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.')) expect(existsSync(path.join(ROOT, source)) || source === './dist').toBe(true);
        else expect(compose.volumes).toHaveProperty(source);
      }
    }
  });

  it('documents in .env.example every variable the compose files read', () => {
    const composeText = read('docker-compose.yml') + read('docker-compose.replicas.yml');
    const used = new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((match) => match[1]!));
    expect(used.size).toBeGreaterThan(5);
    // a variable with a good default may be documented as a commented-out line
    const documented = (name: string) => new RegExp(`^(# )?${name}=`, 'm').test(envExample);
    for (const name of used) expect(`${name}: ${documented(name) ? 'documented' : 'missing'}`).toBe(`${name}: documented`);
  });
});

describe('docker-compose.replicas.yml', () => {
  const { document, compose: replicas } = loadCompose('docker-compose.replicas.yml');

  it('runs two portal replicas behind a load balancer that publishes the port instead', () => {
    expect(replicas.services.portal!.deploy!.replicas).toBe(2);
    // `!reset` drops the base file's published port, which two replicas could not share
    const ports = document.getIn(['services', 'portal', 'ports'], true) as { tag?: string };
    expect(ports.tag).toBe('!reset');
    const lb = replicas.services.lb!;
    expect(lb.ports).toEqual(services.portal!.ports!.map((port) => port.replace(/:3000$/, ':80')));
    expect(lb.depends_on).toEqual({ portal: { condition: 'service_healthy' } });
    expect(healthcheckCommand(lb)).toContain('/healthz');
  });

  it('balances over every replica and passes on what the TLS proxy said', () => {
    const mount = replicas.services.lb!.volumes!.find((volume) => volume.endsWith('/etc/nginx/conf.d/default.conf:ro'))!;
    const config = read(mount.split(':')[0]!);
    expect(config).toMatch(/server portal:3000 resolve/);
    expect(config).toMatch(/proxy_pass http:\/\/portal;/);
    for (const header of ['Host', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'X-Forwarded-For', 'X-Request-Id']) {
      expect(config).toMatch(new RegExp(`proxy_set_header ${header} `));
    }
    // nginx must let an oversized body through, so that the portal answers it with its own 413
    expect(Number(/client_max_body_size (\d+)m;/.exec(config)![1])).toBeGreaterThan(1);
  });
});

describe('portal/Dockerfile', () => {
  // instructions, with continuation lines joined
  const instructions = read('portal/Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.reduce<{ name: string; lines: string[] }[]>((all, line) => {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) all.push({ name: from[1] ?? `stage${all.length}`, lines: [] });
    else all.at(-1)?.lines.push(line);
    return all;
  }, []);
  const runtime = stages.at(-1)!;
  const ignored = read('.dockerignore')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'));

  it('builds in stages and runs a slim image with only production dependencies', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['deps', 'build', 'runtime-deps', 'runtime']);
    expect(instructions.filter((line) => line.startsWith('FROM')).every((line) => /node:\$\{NODE_VERSION\}-bookworm-slim/.test(line) || /FROM deps /.test(line))).toBe(true);
    expect(stages.find((stage) => stage.name === 'build')!.lines).toContain('RUN npm run build --workspace portal');
    expect(stages.find((stage) => stage.name === 'runtime-deps')!.lines.join('\n')).toMatch(/npm ci --omit=dev/);
    expect(runtime.lines).toContain('COPY --from=build /app/portal/build portal/build');
  });

  it('runs as the unprivileged node user in production mode, with a healthcheck on /healthz', () => {
    expect(runtime.lines).toContain('USER node');
    expect(runtime.lines.find((line) => line.startsWith('ENV'))).toMatch(/NODE_ENV=production/);
    expect(runtime.lines.find((line) => line.startsWith('HEALTHCHECK'))).toMatch(/127\.0\.0\.1:.*\/healthz/);
    expect(runtime.lines.at(-1)).toBe('CMD ["node", "--import", "tsx", "server.ts"]');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const sources = instructions
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      expect(`${source}: ${existsSync(path.join(ROOT, source)) ? 'exists' : 'missing'}`).toBe(`${source}: exists`);
      const excluded = ignored.some((pattern) => pattern.replace(/^\*\*\//, '') === source || source.startsWith(`${pattern}/`));
      expect(`${source}: ${excluded ? 'ignored' : 'sent'}`).toBe(`${source}: sent`);
    }
  });
});

describe('.env.example', () => {
  it('ships placeholders, never secrets, for every secret the deployment needs', () => {
    for (const name of ['SESSION_SECRET', 'ENCRYPTION_KEYS', 'POSTGRES_PASSWORD', 'N8N_ENCRYPTION_KEY']) {
      expect(exampleValue(name)).toMatch(/change-me/);
    }
    expect(exampleValue('PUBLIC_URL')).toMatch(/^https:\/\//);
  });
});
