/**
 * Why a database could not be opened. These are the only errors `openStore` throws (`tryOpenStore`
 * returns them as values); each message is Korean first, then English, because it is shown to the trader.
 */
export type StoreOpenErrorCode = 'DB_TOO_NEW' | 'NOT_A_DATABASE' | 'FOREIGN_DATABASE' | 'MIGRATION_FAILED' | 'OPEN_FAILED';

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export function tooNewError(file: string, fileVersion: number, supported: number): StoreOpenError {
  return new StoreOpenError(
    'DB_TOO_NEW',
    `데이터베이스가 이 앱보다 새 버전(스키마 ${fileVersion}, 지원 ${supported})에서 만들어졌습니다. 파일은 변경하지 않았습니다. 최신 버전의 Aegis Terminal을 사용하세요. / ` +
      `The database was written by a newer version of Aegis Terminal (schema ${fileVersion}; this build supports up to ${supported}). ` +
      'It was left untouched. Please use the newer app version.',
    file,
  );
}

export function notDatabaseError(file: string): StoreOpenError {
  return new StoreOpenError(
    'NOT_A_DATABASE',
    '데이터 파일이 SQLite 데이터베이스가 아닙니다. 파일은 변경하지 않았습니다. / The data file is not an SQLite database. It was left untouched.',
    file,
  );
}

export function foreignDatabaseError(file: string, applicationId: number): StoreOpenError {
  return new StoreOpenError(
    'FOREIGN_DATABASE',
    `다른 프로그램의 데이터베이스입니다(application_id ${applicationId}). 파일은 변경하지 않았습니다. / ` +
      `The file belongs to another application (application_id ${applicationId}). It was left untouched.`,
    file,
  );
}

export function migrationFailedError(file: string, version: number, cause: unknown): StoreOpenError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new StoreOpenError(
    'MIGRATION_FAILED',
    `데이터베이스 업그레이드(${version}단계)에 실패했습니다. 변경 사항은 되돌렸습니다: ${why} / ` +
      `Upgrading the database (step ${version}) failed and was rolled back: ${why}`,
    file,
  );
}
