/** Sample tokens of rtm-1x.md §10.3 and legacy-signaling.md §13, with the inputs that produced them. */
export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
export const UID = 'test_user';
/** When A, C and E were generated (Unix seconds). */
export const GENERATED_AT = 1795311093;

export const TOKEN_A =
  '006970CA35de60c44645bbae8a215061b33IADW6xpibK781HXsgpmUUmMQpc2G6WUaVkZpr8xM1jFry4b86ogAAAAAEAAeHLfGdZcDawEA6AOA2Ntw';
export const TOKEN_B =
  '006970CA35de60c44645bbae8a215061b33IAAsR0qgiCxv0vrpRcpkz5BrbfEWCBZ6kvR6t7qG/wJIQob86ogAAAAAEAABAAAAR/QQAAEA6AOvKDdW';
export const TOKEN_B2 =
  '006970CA35de60c44645bbae8a215061b33IABR8ywaENKv6kia6iUU6P54g017Bi6Ym9sIGdt9f3sLLYb86ogAAAAAEAABAAAAR/QQAAEA6ANkAAAA';
export const TOKEN_C =
  '007eJxTYLhwRliU7diTgKgX5vdy2w+fDM5ncHurPqNh2e9LYvx2RTsVGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yNv7oyZQvwMTDEuyszMzIwMTAyMDKA+JwMJanFJfGlxalFAHDJHus=';
export const TOKEN_D =
  '007eJxTYOCdJftjyTM2zxW6Xhm/5T0j5LdcUt/xYVt48fb5Mp3PX9coMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJgZGBkYwn5OhJLW4JL60OLUIAFlWHoA=';
export const TOKEN_E =
  '006970CA35de60c44645bbae8a215061b33IAAqLIm3iQVrWrt874YpSYQpaoaFHknSvOLkp/K/+66JTob86ogAAAAAEAB9JVQKdZcDawEA6AOA2Ntw';

/** Byte dump of vector B's base64 content (rtm-1x.md §10.1). */
export const TOKEN_B_CONTENT_HEX =
  '2000' +
  '2c474aa0882c6fd2fae945ca64cf906b6df11608167a92f47ab7ba86ff024842' +
  '86fcea88' +
  '00000000' +
  '1000' +
  '01000000' + '47f41000' + '0100' + 'e803' + 'af283756';

export const SIGNALING_VECTOR = {
  appId: '970ca35de60c44645bbae8a215061b33',
  certificate: '5cfd2fd1755d40ecb72977518be15d3b',
  account: 'TestAccount',
  expiredTs: 1446455471,
  token: '1:970ca35de60c44645bbae8a215061b33:1446455471:4815d52c4fd440bac35b981c12798774',
} as const;
