import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults of DESIGN.md when nothing is set', () => {
    const c = loadConfig({}, '/srv/faxgate');
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/faxgate/data',
      databaseUrl: null,
      redisUrl: null,
    });
    expect(c.ocrLanguages).toEqual(['deu', 'eng', 'fra', 'ita']);
    expect(c.providers.telnyx.publicKey).toBeNull();
  });

  it('reads every fixed variable name', () => {
    const c = loadConfig({
      FAXGATE_PORT: '8080',
      FAXGATE_HOST: '0.0.0.0',
      FAXGATE_DATA_DIR: '/var/lib/faxgate',
      FAXGATE_PUBLIC_URL: 'https://fax.example.ch/',
      DATABASE_URL: 'postgres://u:p@db:5432/faxgate',
      REDIS_URL: 'redis://cache:6379',
      FAXGATE_TELNYX_PUBLIC_KEY: 'k',
      FAXGATE_TELNYX_API_KEY: 'a',
      FAXGATE_SINCH_USERNAME: 'su',
      FAXGATE_SINCH_PASSWORD: 'sp',
      FAXGATE_PHAXIO_CALLBACK_TOKEN: 'pt',
      FAXGATE_SIGNALWIRE_SIGNING_KEY: 'sk',
      FAXGATE_MAILGUN_SIGNING_KEY: 'mk',
      FAXGATE_SENDGRID_USERNAME: 'gu',
      FAXGATE_SENDGRID_PASSWORD: 'gp',
      FAXGATE_POSTMARK_USERNAME: 'pu',
      FAXGATE_POSTMARK_PASSWORD: 'pp',
      FAXGATE_MEDIA_HOSTS: '127.0.0.1:8081, media.example.ch',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/faxgate',
      publicUrl: 'https://fax.example.ch',
    });
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/faxgate');
    expect(c.redisUrl).toBe('redis://cache:6379');
    expect(c.mediaHosts).toEqual(['127.0.0.1:8081', 'media.example.ch']);
    expect(c.providers).toEqual({
      telnyx: { publicKey: 'k', apiKey: 'a' },
      sinch: { username: 'su', password: 'sp' },
      phaxio: { callbackToken: 'pt' },
      signalwire: { signingKey: 'sk' },
      mailgun: { signingKey: 'mk' },
      sendgrid: { username: 'gu', password: 'gp' },
      postmark: { username: 'pu', password: 'pp' },
    });
  });

  it.each([
    ['FAXGATE_PORT', 'eighty'],
    ['FAXGATE_PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'not a url'],
    ['FAXGATE_PUBLIC_URL', 'ftp://x'],
    ['FAXGATE_OCR_LANGUAGES', 'deu+klingon'],
    ['FAXGATE_MEDIA_HOSTS', 'http://x/y'],
    ['FAXGATE_LOG_LEVEL', 'loud'],
  ])('stops on a bad %s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
