-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'PUPIL';
