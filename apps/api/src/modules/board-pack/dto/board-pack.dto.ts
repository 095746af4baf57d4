import { Transform } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class BoardPackParams {
  @IsUUID('all', { message: 'id must be a return id' })
  id: string;
}

export class SealedBoardPackParams extends BoardPackParams {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  revision: number;
}
